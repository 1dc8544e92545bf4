package nl.spil.mailroom.domain;

import java.util.Optional;

/**
 * What a photo of a label or a scan of a letter may be, told by the file's first bytes (its
 * magic number), never by what the uploader claimed.
 */
public enum ScanType {
    JPEG("image/jpeg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("image/png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", new int[] {'%', 'P', 'D', 'F', '-'});

    /** At most 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** How many first bytes {@link #sniff} needs. */
    public static final int HEAD_BYTES = 8;

    private final String mediaType;
    private final int[] magic;

    ScanType(String mediaType, int[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ScanType> ofMediaType(String mediaType) {
        for (ScanType t : values()) {
            if (t.mediaType.equalsIgnoreCase(mediaType == null ? "" : mediaType.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type the first bytes of a file show, if it is one of these. */
    public static Optional<ScanType> sniff(byte[] head) {
        for (ScanType t : values()) {
            if (head != null && head.length >= t.magic.length && startsWith(head, t.magic)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
