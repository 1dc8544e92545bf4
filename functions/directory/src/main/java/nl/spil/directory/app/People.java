package nl.spil.directory.app;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.spil.directory.domain.Departure;
import nl.spil.directory.domain.Person;
import nl.spil.platform.idempotency.CreateRequest;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Where people are kept (port). E-mails are unique: writes refuse a taken one with 409. */
public interface People {

    Optional<Person> byId(String id);

    Optional<Person> byEmail(String email);

    Page<Person> list(PageRequest page);

    /** The e-mails among {@code emails} (lower-case) that someone in the directory has. */
    Set<String> registered(Collection<String> emails);

    Response add(Person person, CreateRequest request, Function<Person, Response> answer);

    /** Replaces {@code current} if it is still at its version; 412 otherwise. */
    void replace(Person current, Person changed);

    /**
     * Removes every item of the person and keeps the departure (no name or e-mail) as the
     * receipt, in one transaction with the {@code PersonLeft} event it carries.
     *
     * @throws nl.spil.platform.retry.ConcurrentChange when the person changed since it was read
     */
    void leave(Person person, Departure departure, Optional<String> sub);

    /** The receipt of someone who left, while it is kept. */
    Optional<Departure> departure(String personId);

    /** Adds each person on its own; returns the ids whose e-mail was already taken. */
    List<String> addAll(List<Person> people);
}
