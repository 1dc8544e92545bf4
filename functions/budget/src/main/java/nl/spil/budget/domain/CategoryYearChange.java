package nl.spil.budget.domain;

/** A category-year as read and as it is to be written (under the version it was read at). */
public record CategoryYearChange(CategoryYear before, CategoryYear after) {

    public CategoryYearChange {
        if (!before.key().equals(after.key()) || before.version() != after.version()) {
            throw new IllegalArgumentException("a change keeps its key and the version it was read at");
        }
    }
}
