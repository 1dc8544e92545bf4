package nl.spil.directory.app;

import nl.spil.platform.idempotency.CreateRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.spil.directory.domain.Person;
import nl.spil.platform.idempotency.IdempotentCreates.Response;
import nl.spil.platform.paging.Page;
import nl.spil.platform.paging.PageRequest;

/** Where people are kept (port). E-mails are unique: writes refuse a taken one with 409. */
public interface People {

    Optional<Person> byId(String id);

    Optional<Person> byEmail(String email);

    Page<Person> list(PageRequest page);

    Response add(Person person, CreateRequest request, Function<Person, Response> answer);

    /** Replaces {@code current} if it is still at its version; 412 otherwise. */
    void replace(Person current, Person changed);

    void remove(Person person);

    /** Adds each person on its own; returns the ids whose e-mail was already taken. */
    List<String> addAll(List<Person> people);
}
