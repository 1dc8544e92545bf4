package nl.spil.mailroom.domain;

import java.time.Instant;

/**
 * Who collected an item, when, and which receptionist handed it out: the recipient, or a
 * colleague the recipient named by passing on the pickup code (a delegate).
 */
public record HandOut(Instant at, String collectorId, String collectorName, boolean byDelegate, String receptionistId,
                      String receptionistName, Check check) {

    /** How reception made sure: the pickup code, or the signed-in recipient in person. */
    public enum Check {
        CODE("code"), IDENTITY("identity");

        private final String code;

        Check(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Check fromCode(String code) {
            return code.equals("identity") ? IDENTITY : CODE;
        }
    }
}
