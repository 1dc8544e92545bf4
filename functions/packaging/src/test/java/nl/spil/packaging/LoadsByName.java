package nl.spil.packaging;

/** Names {@link LinkBase} only as a string, as {@code Class.forName} callers and annotation metadata do. */
public final class LoadsByName {

    private LoadsByName() {
    }

    public static Class<?> load() throws ClassNotFoundException {
        return Class.forName("nl.spil.packaging.LinkBase");
    }
}
