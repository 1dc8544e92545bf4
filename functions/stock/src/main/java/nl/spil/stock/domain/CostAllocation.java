package nl.spil.stock.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a purchase order's cost is booked: a cost centre and a category, both codes that budget
 * keeps (compared exactly as written). Given on the order, or the site's purchasing defaults.
 */
public record CostAllocation(String costCentre, String category) {

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit; at most this long. */
    public static final int MAX_CODE = 40;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_CODE - 1) + "}");
    /** The category of an order that names none, at a site that names none. */
    public static final String DEFAULT_CATEGORY = "office-supplies";
    /** What orders written before cost centres existed are read as. */
    public static final CostAllocation UNASSIGNED = new CostAllocation("unassigned", DEFAULT_CATEGORY);

    public CostAllocation {
        if (!isCode(costCentre) || !isCode(category)) {
            throw new IllegalArgumentException("a cost centre and a category are codes");
        }
    }

    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /**
     * What an order is charged to: the cost centre and category given, else the site's defaults;
     * the category falls back to {@link #DEFAULT_CATEGORY}, the cost centre has no fallback.
     *
     * @throws Refused NO_COST_CENTRE when neither the order nor its site names a cost centre
     */
    public static CostAllocation resolve(Optional<String> costCentre, Optional<String> category,
                                         Optional<CostAllocation> siteDefaults, String siteId) {
        String centre = costCentre.or(() -> siteDefaults.map(CostAllocation::costCentre))
                .orElseThrow(() -> new Refused(Refused.Why.NO_COST_CENTRE, "site " + siteId
                        + " has no default cost centre; name one (costCentre) or set the site's purchasing defaults"));
        return new CostAllocation(centre, category.or(() -> siteDefaults.map(CostAllocation::category))
                .orElse(DEFAULT_CATEGORY));
    }
}
