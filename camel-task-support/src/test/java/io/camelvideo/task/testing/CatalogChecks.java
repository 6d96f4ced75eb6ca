package io.camelvideo.task.testing;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** What catalog-based tooling (Kaoto, Karavan, IDE plugins) reads of a component, checked the way it reads it. */
public final class CatalogChecks {

    private CatalogChecks() {
    }

    /** The component's JSON as Camel's runtime catalog finds it, parsed by Camel's tooling model. */
    public static ComponentModel model(CamelContext context, String scheme) {
        RuntimeCamelCatalog catalog = context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class);
        String json = catalog.componentJSonSchema(scheme);
        assertThat(json).as("the catalog finds the JSON of " + scheme).isNotBlank();
        return JsonMapper.generateComponentModel(json);
    }

    /** Every option and header with a description a person can read: no Javadoc markup left, nothing cut off. */
    public static void assertEveryOptionAndHeaderIsDescribed(ComponentModel model) {
        List<BaseOptionModel> all = new ArrayList<>();
        all.addAll(model.getComponentOptions());
        all.addAll(model.getEndpointOptions());
        all.addAll(model.getEndpointHeaders());
        assertThat(all).isNotEmpty();
        for (BaseOptionModel option : all) {
            assertThat(option.getDescription()).as(model.getScheme() + " " + option.getKind() + " " + option.getName())
                    .isNotBlank()
                    .doesNotContain("{@code").doesNotContain("{@link").doesNotContain("<p>")
                    .doesNotContain("Object>").doesNotEndWith(" (").doesNotEndWith(",");
        }
    }

    /**
     * The catalog's check of an endpoint as a designer asks for it: the path option's value and the
     * query's options, e.g. {@code validate(context, "kling", "kind", "text2video", "mode=pro")}.
     */
    public static EndpointValidationResult validate(CamelContext context, String scheme, String pathOption, String path,
                                                    String query) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(pathOption, path);
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            properties.put(nameAndValue[0], nameAndValue[1]);
        }
        return context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class).validateProperties(scheme, properties);
    }

    /** The jar's {@code META-INF/services/org/apache/camel/component.properties}, read through the component's class. */
    public static Properties componentList(Class<?> component) throws IOException {
        Properties list = new Properties();
        try (InputStream in = component.getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            assertThat(in).as("META-INF/services/org/apache/camel/component.properties").isNotNull();
            list.load(in);
        }
        return list;
    }
}
