package io.camelvideo.task.camel;

import org.apache.camel.spi.UriParam;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks of endpoint options that Camel's own binding does not make (or makes without saying what
 * would be valid), run when an endpoint is created or initialised, so a wrong value fails the route
 * at start with the valid values listed.
 */
public final class EndpointOptions {

    private EndpointOptions() {
    }

    /** Fails, naming the option and the values it takes, unless {@code value} is null or one of {@code allowed}. */
    public static void requireOneOf(String scheme, String option, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value.trim())) {
            throw new IllegalArgumentException(scheme + ": option " + option + "=" + value + " is not valid; it takes one of "
                    + String.join(", ", allowed));
        }
    }

    /**
     * Fails for an enum-typed option of {@code configuration} given a value that is none of its constants,
     * listing them (Camel's binding error names only the value). Matching is as lenient as Camel's:
     * case and dashes do not count.
     */
    public static void requireEnumValues(String scheme, Map<String, Object> parameters, Class<?> configuration) {
        for (Class<?> type = configuration; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                UriParam param = field.getAnnotation(UriParam.class);
                if (param == null || !field.getType().isEnum()) {
                    continue;
                }
                String option = param.name().isEmpty() ? field.getName() : param.name();
                if (parameters.get(option) instanceof String value && !isConstant(field.getType(), value)) {
                    requireOneOf(scheme, option, value, Arrays.stream(field.getType().getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name()).toList());
                }
            }
        }
    }

    private static boolean isConstant(Class<?> type, String value) {
        String wanted = value.trim().replace("-", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .anyMatch(constant -> ((Enum<?>) constant).name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted));
    }
}
