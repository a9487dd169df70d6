package dev.keyturn.benchmarks.coldstart.launch;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Picks the serializer the Lambda runtime picks for a handler's input or output type: the event
 * serializers (with their mixins) for {@code com.amazonaws.services.lambda.runtime.events} classes,
 * Jackson for anything else (a {@code Map}, a POJO).
 */
final class RuntimeSerializers {

  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";

  private RuntimeSerializers() {}

  @SuppressWarnings("unchecked")
  static PojoSerializer<Object> forType(Class<?> type) {
    if (type.getName().startsWith(EVENTS_PACKAGE)) {
      return (PojoSerializer<Object>)
          LambdaEventSerializers.serializerFor(type, type.getClassLoader());
    }
    return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
  }

  /** The {@code I} of the handler's {@code RequestHandler<I, O>}, found up its class hierarchy. */
  static Class<?> inputType(Class<?> handler) {
    for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
      Class<?> fromSuperclass = firstArgument(c.getGenericSuperclass());
      if (fromSuperclass != null) {
        return fromSuperclass;
      }
      for (Type implemented : c.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          return raw(p.getActualTypeArguments()[0]);
        }
      }
    }
    return Object.class;
  }

  private static Class<?> firstArgument(Type superclass) {
    if (superclass instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && RequestHandler.class.isAssignableFrom(raw)) {
      return raw(p.getActualTypeArguments()[0]);
    }
    return null;
  }

  private static Class<?> raw(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      default -> Object.class;
    };
  }
}
