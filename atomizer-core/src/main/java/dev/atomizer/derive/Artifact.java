package dev.atomizer.derive;

/** One derived file: where it goes and how it is made. */
public abstract class Artifact {

    private final String path;

    /** @param path its path from the repository root, with '/' */
    protected Artifact(String path) {
        this.path = path;
    }

    /** Its path from the repository root, with '/'. */
    public final String path() {
        return path;
    }

    /** Its whole content. */
    public abstract String render(Sources sources);
}
