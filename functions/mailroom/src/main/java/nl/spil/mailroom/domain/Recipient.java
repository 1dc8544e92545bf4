package nl.spil.mailroom.domain;

/** Whom an item is for: a person of the directory, or a department of the site as a shared recipient. */
public sealed interface Recipient {

    /** As shown on the shelf and in lists. */
    String displayName();

    record Person(String personId, String name) implements Recipient {
        @Override
        public String displayName() {
            return name;
        }
    }

    /** The person left the organisation; the item waits to go back to its sender. */
    record Left() implements Recipient {
        @Override
        public String displayName() {
            return "—";
        }
    }

    /** Everyone of this department (the directory's cost centre) at the item's site may collect it. */
    record Department(String name) implements Recipient {
        @Override
        public String displayName() {
            return name;
        }
    }
}
