package nl.spil.notifier.store;

import java.util.List;

/** The store's package-private facts the template tests check template.yaml against. */
public final class LedgerAccess {

    private LedgerAccess() {
    }

    /** The non-key attributes the status index must project. */
    public static List<String> indexed() {
        return LedgerItems.INDEXED;
    }
}
