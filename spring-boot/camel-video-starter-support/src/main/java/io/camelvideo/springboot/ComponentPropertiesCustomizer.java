package io.camelvideo.springboot;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Configures a component from the Spring Boot properties {@code camel.component.<scheme>.*}
 * (application.properties, YAML, environment variables ...), as Camel's own starters do: kebab-case
 * or camelCase names, durations such as {@code 20ms}, bean references such as {@code #myDataSource}.
 * The component's generated configurer does the binding, so an option is set exactly as Camel Main
 * would set it; a property that names no option fails the start-up, naming it.
 */
public final class ComponentPropertiesCustomizer implements ComponentCustomizer {

    /** Keys of the prefix that are about the starter, not options of the component. */
    private static final Set<String> STARTER_KEYS = Set.of("enabled", "customizer.enabled");

    private final String scheme;
    private final Class<? extends Component> type;
    private final Environment environment;

    public ComponentPropertiesCustomizer(String scheme, Class<? extends Component> type, Environment environment) {
        this.scheme = scheme;
        this.type = type;
        this.environment = environment;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return scheme.equals(name) && type.isInstance(target);
    }

    @Override
    public void configure(String name, Component target) {
        Map<String, Object> options = options();
        if (options.isEmpty()) {
            return;
        }
        Map<String, Object> unbound = new LinkedHashMap<>(options);
        PropertyBindingSupport.build().withCamelContext(target.getCamelContext()).withTarget(target).withProperties(unbound)
                .withRemoveParameters(true).withIgnoreCase(true).withReflection(false).bind();
        if (!unbound.isEmpty()) {
            throw new IllegalArgumentException("camel.component." + scheme + "." + String.join(", camel.component." + scheme
                    + ".", unbound.keySet()) + ": not an option of the " + scheme + " component (see its option reference)");
        }
    }

    /** The options under the prefix, flattened and in camelCase: {@code access-key=...} becomes {@code accessKey}. */
    Map<String, Object> options() {
        Map<String, Object> nested = Binder.get(environment)
                .bind("camel.component." + scheme, Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        Map<String, Object> options = new LinkedHashMap<>();
        flatten("", nested, options);
        STARTER_KEYS.forEach(options::remove);
        Map<String, Object> camelCase = new LinkedHashMap<>();
        options.forEach((key, value) -> camelCase.put(StringHelper.dashToCamelCase(key), value));
        return camelCase;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> inner) {
                flatten(name + ".", inner, into);
            } else {
                into.put(name, value);
            }
        });
    }
}
