package nl.spil.mailroom.domain;

/**
 * The photo or scan of an item: none, announced at logging (type and size declared, the upload
 * link handed out), or attached once the file that arrived was checked.
 */
public record Scan(State state, ScanType type, long bytes) {

    public enum State { NONE, AWAITING_UPLOAD, ATTACHED }

    public static final Scan NONE = new Scan(State.NONE, null, 0);

    public static Scan announced(ScanType type, long bytes) {
        return new Scan(State.AWAITING_UPLOAD, type, bytes);
    }

    public Scan attached(ScanType found, long size) {
        return new Scan(State.ATTACHED, found, size);
    }

    public boolean isAttached() {
        return state == State.ATTACHED;
    }
}
