package nl.spil.platform.problem;

/** 410 answers: what a request refers to existed once and was removed since. */
public final class Gone {

    private Gone() {
    }

    /** A replayed create whose object was deleted since its first answer: the deleted data is never answered again. */
    public static ProblemException createdThenDeleted() {
        return new ProblemException(Problem.of(410, "created-then-deleted", "Deleted since",
                "what the first request with this Idempotency-Key created has been deleted since"));
    }
}
