package dev.keyturn.testing.lambda;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.Security;

/**
 * The runtime interface client 2.9.0, driven by reflection because its classes live in the isolated
 * runtime class loader. Each step names the RIC code it mirrors ({@code AWSLambda}'s {@code
 * getLambdaRequestHandlerObject}, {@code findRequestHandler} and {@code startRuntimeLoop}).
 */
final class RuntimeInterface {

  private static final String CLIENT = "com.amazonaws.services.lambda.runtime.api.client.";
  private static final String TRACE_ID_KEY = "AWS_LAMBDA_X_TRACE_ID";

  private final ClassLoader runtime;

  RuntimeInterface(ClassLoader runtime) {
    this.runtime = runtime;
  }

  /** An invocation as the Runtime API hands it to the runtime. */
  record Invocation(
      String requestId,
      String traceId,
      String functionArn,
      long deadlineEpochMillis,
      byte[] event) {}

  /**
   * {@code new CustomerClassLoader(taskRoot, "/opt/java", systemClassLoader)}: the task root
   * directory, its {@code lib/*.jar}, then the layers' {@code lib/*.jar}; the parent is the
   * runtime.
   */
  URLClassLoader newCustomerClassLoader(Path taskRoot, Path layersRoot) {
    try {
      Constructor<?> constructor =
          runtime
              .loadClass(CLIENT + "CustomerClassLoader")
              .getDeclaredConstructor(String.class, String.class, ClassLoader.class);
      constructor.setAccessible(true);
      return (URLClassLoader)
          constructor.newInstance(taskRoot.toString(), layersRoot.toString(), runtime);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("RIC 2.9.0 CustomerClassLoader not as expected", e);
    }
  }

  /**
   * {@code AWSLambda.customerClassLoader = ...}: where EventHandlerLoader and the event serializers
   * look for the function's classes (events, joda-time, a custom serializer). Initialising
   * AWSLambda also tightens JVM-wide TLS and DNS security properties as the real runtime does;
   * those are restored so one harness does not reconfigure the whole test JVM.
   */
  void registerCustomerClassLoader(URLClassLoader customer) {
    String tls = Security.getProperty("jdk.tls.disabledAlgorithms");
    String negativeTtl = Security.getProperty("networkaddress.cache.negative.ttl");
    String trustStore = System.getProperty("javax.net.ssl.trustStore");
    try {
      Field field = runtime.loadClass(CLIENT + "AWSLambda").getDeclaredField("customerClassLoader");
      field.setAccessible(true);
      field.set(null, customer);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("RIC 2.9.0 AWSLambda.customerClassLoader not as expected", e);
    } finally {
      restoreSecurityProperty("jdk.tls.disabledAlgorithms", tls);
      restoreSecurityProperty("networkaddress.cache.negative.ttl", negativeTtl);
      restoreSystemProperty("javax.net.ssl.trustStore", trustStore);
    }
  }

  /**
   * {@code findRequestHandler}: HandlerInfo.fromString, then EventHandlerLoader.loadEventHandler; a
   * fault the runtime would report (at init, or on every invocation) is thrown here instead.
   */
  Object loadHandler(String handler, ClassLoader customer) {
    Object handlerInfo;
    try {
      handlerInfo =
          call(
              method(CLIENT + "HandlerInfo", "fromString", String.class, ClassLoader.class),
              null,
              handler,
              customer);
    } catch (Throwable failure) {
      throw initError(handler, faultFor(handler, failure), failure);
    }
    Object requestHandler;
    try {
      requestHandler =
          call(
              method(
                  CLIENT + "EventHandlerLoader",
                  "loadEventHandler",
                  runtime(CLIENT + "HandlerInfo")),
              null,
              handlerInfo);
    } catch (Throwable failure) {
      throw initError(handler, errorRequestFor(failure), failure);
    }
    if (runtime(CLIENT + "LambdaRequestHandler$UserFaultHandler").isInstance(requestHandler)) {
      Object fault = readField(requestHandler, "fault");
      throw initError(handler, errorRequestFor((Throwable) fault), (Throwable) fault);
    }
    return requestHandler;
  }

  /**
   * The function's own handler object behind what {@code loadEventHandler} returned for a {@code
   * RequestHandler} class: the {@code LambdaRequestHandler} wraps a {@code
   * PojoHandlerAsStreamHandler}, whose {@code innerHandler} is the instance the runtime created.
   */
  Object functionHandler(Object requestHandler) {
    Object streamHandler = readDeclaredField(requestHandler, "val$handler");
    if (!runtime(CLIENT + "EventHandlerLoader$PojoHandlerAsStreamHandler")
        .isInstance(streamHandler)) {
      throw new IllegalStateException(
          "not a RequestHandler class: " + streamHandler.getClass().getName());
    }
    return readDeclaredField(streamHandler, "innerHandler");
  }

  private static Object readDeclaredField(Object target, String name) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("RIC 2.9.0 field missing: " + name, e);
    }
  }

  /** {@code startRuntimeLoop}: trace id into the SDK's thread local, call, report the outcome. */
  byte[] invoke(Object requestHandler, Invocation invocation) {
    Object request = invocationRequest(invocation);
    Class<?> traceIds = runtime("software.amazon.awssdk.utilslite.SdkInternalThreadLocal");
    try {
      call(
          method(traceIds, "put", String.class, String.class),
          null,
          TRACE_ID_KEY,
          invocation.traceId());
      Object output =
          call(
              method(
                  CLIENT + "LambdaRequestHandler",
                  "call",
                  runtime(CLIENT + "runtimeapi.dto.InvocationRequest")),
              requestHandler,
              request);
      return (byte[]) call(method(output.getClass(), "toByteArray"), output);
    } catch (Throwable failure) {
      throw invocationError(failure);
    } finally {
      try {
        call(method(traceIds, "remove", String.class), null, TRACE_ID_KEY);
      } catch (Throwable ignored) {
        // clearing a thread local cannot meaningfully fail
      }
    }
  }

  private Object invocationRequest(Invocation invocation) {
    try {
      Class<?> type = runtime(CLIENT + "runtimeapi.dto.InvocationRequest");
      Object request = type.getConstructor().newInstance();
      type.getMethod("setId", String.class).invoke(request, invocation.requestId());
      type.getMethod("setXrayTraceId", String.class).invoke(request, invocation.traceId());
      type.getMethod("setInvokedFunctionArn", String.class)
          .invoke(request, invocation.functionArn());
      type.getMethod("setDeadlineTimeInMs", long.class)
          .invoke(request, invocation.deadlineEpochMillis());
      type.getMethod("setContent", byte[].class).invoke(request, (Object) invocation.event());
      return request;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("RIC 2.9.0 InvocationRequest not as expected", e);
    }
  }

  /** {@code createLambdaErrorFromThrowableOrUserFault}. */
  private LambdaInvocationException invocationError(Throwable failure) {
    boolean userFault = runtime(CLIENT + "UserFault").isInstance(failure);
    Object errorRequest = errorRequestFor(failure);
    String rapidType = userFault ? "BadFunctionCode" : "UserException";
    Object rapid = enumConstant(CLIENT + "runtimeapi.RapidErrorType", rapidType);
    return new LambdaInvocationException(
        (String) readField(errorRequest, "errorType"),
        (String) readField(errorRequest, "errorMessage"),
        (String) callQuietly(method(rapid.getClass(), "getRapidError"), rapid),
        failure);
  }

  private LambdaInitException initError(String handler, Object errorRequest, Throwable cause) {
    return new LambdaInitException(
        handler,
        (String) readField(errorRequest, "errorType"),
        (String) readField(errorRequest, "errorMessage"),
        cause);
  }

  /** The fault findRequestHandler makes for a handler string that does not load. */
  private Object faultFor(String handler, Throwable failure) {
    Class<?> handlers = runtime(CLIENT + "LambdaRequestHandler");
    Object fault;
    if (runtime(CLIENT + "HandlerInfo$InvalidHandlerException").isInstance(failure)) {
      fault =
          callQuietly(
              method(CLIENT + "UserFault", "makeUserFault", String.class),
              null,
              "Invalid handler: `" + handler + "'");
      return errorRequestFor((Throwable) fault);
    }
    String className =
        (String)
            callQuietly(method(CLIENT + "HandlerInfo", "className", String.class), null, handler);
    String factory =
        failure instanceof ClassNotFoundException ? "classNotFound" : "initErrorHandler";
    Object faultHandler =
        callQuietly(
            method(handlers, factory, Throwable.class, String.class), null, failure, className);
    return errorRequestFor((Throwable) readField(faultHandler, "fault"));
  }

  /** LambdaErrorConverter.fromUserFault or fromThrowable: the runtime's {errorType, message}. */
  private Object errorRequestFor(Throwable failure) {
    String converter = CLIENT + "runtimeapi.converters.LambdaErrorConverter";
    boolean userFault = runtime(CLIENT + "UserFault").isInstance(failure);
    Method convert =
        userFault
            ? method(converter, "fromUserFault", runtime(CLIENT + "UserFault"))
            : method(converter, "fromThrowable", Throwable.class);
    return callQuietly(convert, null, failure);
  }

  private Class<?> runtime(String className) {
    try {
      return runtime.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Lambda runtime class missing: " + className, e);
    }
  }

  private Method method(String className, String name, Class<?>... parameters) {
    return method(runtime(className), name, parameters);
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      Method method = type.getMethod(name, parameters);
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "RIC 2.9.0 method missing: " + type.getName() + "." + name, e);
    }
  }

  private static Object call(Method method, Object target, Object... arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object callQuietly(Method method, Object target, Object... arguments) {
    try {
      return call(method, target, arguments);
    } catch (Throwable e) {
      throw new IllegalStateException("Lambda runtime helper failed: " + method.getName(), e);
    }
  }

  private static Object readField(Object target, String name) {
    try {
      Field field = target.getClass().getField(name);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("RIC 2.9.0 field missing: " + name, e);
    }
  }

  private Object enumConstant(String enumClass, String name) {
    for (Object constant : runtime(enumClass).getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalStateException("RIC 2.9.0 enum constant missing: " + enumClass + "." + name);
  }

  private static void restoreSecurityProperty(String name, String value) {
    if (value != null) {
      Security.setProperty(name, value);
    }
  }

  private static void restoreSystemProperty(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}
