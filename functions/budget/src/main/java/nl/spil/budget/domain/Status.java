package nl.spil.budget.domain;

import java.util.Locale;

/** A category's state against its budget: ok, watch from 80 %, over from 100 %. */
public enum Status {
    OK, WATCH, OVER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
