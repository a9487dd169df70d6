package dev.keyturn.rotate.support;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import dev.keyturn.rotate.database.DatabaseEngine;
import dev.keyturn.rotate.database.DatabaseEngines;
import dev.keyturn.rotate.support.AwsCallTap.Fault;
import dev.keyturn.rotate.support.AwsCallTap.Mode;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database side of fault injection: a bean listener of the test class path that wraps every
 * {@link DatabaseEngine} the rotate function's context creates (production wiring untouched), so a
 * test sees each operation the function runs against a real server and can fail one: BEFORE (the
 * server never sees it) or, for changes, AFTER (the server made the change, the answer is lost — a
 * dropped connection). Operations are named {@code <engine>.<method>}, e.g. {@code
 * postgres.setPassword}.
 */
@Singleton
public final class DatabaseCallTap implements BeanCreatedEventListener<DatabaseEngines> {

  private static final Object LOCK = new Object();
  private static final List<String> calls = new ArrayList<>();
  private static final Map<String, Integer> occurrences = new HashMap<>();
  private static Fault fault;
  private static boolean fired;

  @Override
  public DatabaseEngines onCreated(BeanCreatedEvent<DatabaseEngines> event) {
    return new DatabaseEngines(
        event.getBean().all().stream().<DatabaseEngine>map(Tapped::new).toList());
  }

  public static void reset() {
    synchronized (LOCK) {
      calls.clear();
      occurrences.clear();
      fault = null;
      fired = false;
    }
  }

  public static void plan(Fault planned) {
    synchronized (LOCK) {
      fault = planned;
      fired = false;
    }
  }

  public static boolean faultFired() {
    synchronized (LOCK) {
      return fired;
    }
  }

  /** Every operation since the last reset, in order. */
  public static List<String> calls() {
    synchronized (LOCK) {
      return List.copyOf(calls);
    }
  }

  /** Whether the operation changes the server (only those get AFTER faults). */
  public static boolean changes(String operation) {
    return !operation.endsWith(".canLogin");
  }

  private static int before(String operation) {
    synchronized (LOCK) {
      calls.add(operation);
      int n = occurrences.merge(operation, 1, Integer::sum);
      strike(operation, n, Mode.BEFORE);
      return n;
    }
  }

  private static void after(String operation, int n) {
    synchronized (LOCK) {
      strike(operation, n, Mode.AFTER);
    }
  }

  private static void strike(String operation, int n, Mode mode) {
    if (fault != null
        && !fired
        && fault.mode() == mode
        && fault.operation().equals(operation)
        && fault.occurrence() == n) {
      fired = true;
      throw new AwsCallTap.InjectedFault(fault);
    }
  }

  private record Tapped(DatabaseEngine delegate) implements DatabaseEngine {

    private String name() {
      Set<Engine> engines = delegate.engines();
      return engines.contains(Engine.POSTGRES)
          ? "postgres"
          : engines.contains(Engine.REDIS) ? "redis" : "mysql";
    }

    @Override
    public Set<Engine> engines() {
      return delegate.engines();
    }

    @Override
    public boolean canLogin(ConnectionSecret credential) {
      before(name() + ".canLogin");
      return delegate.canLogin(credential);
    }

    @Override
    public void changeOwnPassword(ConnectionSecret credential, String newPassword) {
      String op = name() + ".changeOwnPassword";
      int n = before(op);
      delegate.changeOwnPassword(credential, newPassword);
      after(op, n);
    }

    @Override
    public void setPassword(ConnectionSecret master, UserChange user) {
      String op = name() + ".setPassword";
      int n = before(op);
      delegate.setPassword(master, user);
      after(op, n);
    }
  }
}
