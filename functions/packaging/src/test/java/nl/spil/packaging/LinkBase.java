package nl.spil.packaging;

/** A super class that a shrinker must not leave out while a subclass stays (ShrinkJarTest). */
public class LinkBase {
}
