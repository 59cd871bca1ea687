package dev.atomizer.derive;

/** One derived file: where it goes and how it is made. */
public interface Artifact {

    /** Its path from the repository root, with '/'. */
    String path();

    /** Its whole content. */
    String render(Sources sources);
}
