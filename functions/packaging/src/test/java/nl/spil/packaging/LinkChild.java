package nl.spil.packaging;

/** Links only where {@link LinkBase} is there too. */
public class LinkChild extends LinkBase {
}
