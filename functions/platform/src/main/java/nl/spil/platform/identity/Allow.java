package nl.spil.platform.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of one route: the roles it admits and whether the caller must own the object
 * (the use case then checks ownership with {@link Caller#mayActOnObjectOf}). A route without
 * this annotation is refused at run time and fails the route-rule test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allow {

    /** Roles admitted; empty with {@link #anyone()} true means every signed-in person. */
    Role[] value() default {};

    /** Every signed-in caller, whatever their groups. */
    boolean anyone() default false;

    /** The object must be the caller's own unless the caller is an office manager. */
    boolean ownerOnly() default false;
}
