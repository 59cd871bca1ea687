/** JVM hello-world: the start-up floor the Atomizer benchmark compares against. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello");
    }
}
