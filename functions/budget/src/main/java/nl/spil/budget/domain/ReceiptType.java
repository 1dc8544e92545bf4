package nl.spil.budget.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files a receipt may be: PDF, JPEG or PNG of at most 10 MB. What arrived is recognised by its
 * first bytes, never by the name or the type the client claimed.
 */
public enum ReceiptType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** How many first bytes tell the types apart. */
    public static final int MAGIC_BYTES = 8;

    private final String contentType;
    private final byte[] magic;

    ReceiptType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ReceiptType> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equalsIgnoreCase(contentType)).findFirst();
    }

    /** The type these first bytes are, if any of the three. */
    public static Optional<ReceiptType> recognise(byte[] head) {
        return Arrays.stream(values()).filter(t -> startsWith(head, t.magic)).findFirst();
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head == null || head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks what arrived against what was announced (null: a type that is none of the three).
     *
     * @throws Refusal.Refused {@code receipt-empty}, {@code receipt-too-large}, {@code receipt-unknown-type}
     *                         or {@code receipt-type-mismatch}
     */
    public static ReceiptType check(ReceiptType announced, long size, byte[] head) {
        if (size <= 0) {
            throw Refusal.refused("receipt-empty", "Empty receipt", "the uploaded receipt is empty");
        }
        if (size > MAX_BYTES) {
            throw Refusal.refused("receipt-too-large", "Receipt too large",
                    "the uploaded receipt is " + size + " bytes; at most " + MAX_BYTES + " (10 MB)");
        }
        ReceiptType found = recognise(head).orElseThrow(() -> Refusal.refused("receipt-unknown-type",
                "Not a PDF, JPEG or PNG", "the uploaded file is not a PDF, JPEG or PNG"));
        if (found != announced) {
            throw Refusal.refused("receipt-type-mismatch", "Another type than announced",
                    "the upload was announced as " + (announced == null ? "another type" : announced.contentType)
                            + " but is " + found.contentType);
        }
        return found;
    }
}
