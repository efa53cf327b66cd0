package fr.anef.renewal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/**
 * A JPA slice (README « Tests »): the application's entities and repositories on the database of
 * the test profiles (H2 in memory, or PostgreSQL with {@code -Dtest.profiles=…,postgres,…}), its
 * tables made by Flyway's migrations and checked by Hibernate's {@code validate}; no engine, no
 * web. Each test runs in a transaction rolled back at its end, so on the shared PostgreSQL database
 * it leaves nothing behind. Tagged {@link EngineTest#DATABASE}: the PostgreSQL phase runs it. It
 * runs with the unit tests, before the shared contexts ({@link ContextClassOrder}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(EngineTest.DATABASE)
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public @interface JpaSliceTest {}
