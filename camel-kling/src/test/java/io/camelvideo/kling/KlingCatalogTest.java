package io.camelvideo.kling;

import io.camelvideo.task.testing.CatalogChecks;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** kling: as catalog-based tooling sees it: its JSON, its descriptions, and URIs checked against it. */
class KlingCatalogTest {

    private static final String PATH_OPTION = "kind";

    @Test
    void theCatalogFindsTheComponentWithEveryOptionAndHeaderDescribed() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("kling", new KlingComponent());
            ComponentModel model = CatalogChecks.model(context, "kling");

            assertThat(model.getScheme()).isEqualTo("kling");
            assertThat(model.getTitle()).isEqualTo("Kling AI");
            assertThat(model.getLabel()).isEqualTo("ai");
            assertThat(model.getSyntax()).isEqualTo("kling:kind");
            assertThat(model.isConsumerOnly() || model.isProducerOnly()).as("producer and consumer").isFalse();
            assertThat(model.getEndpointOptions()).extracting(o -> o.getName())
                    .contains("kind", "operation", "waitForCompletion", "maxDeliveryAttempts", "imageIndex", "selectionAction");
            CatalogChecks.assertEveryOptionAndHeaderIsDescribed(model);

            RuntimeCamelCatalog catalog = context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class);
            EndpointValidationResult good = catalog.validateProperties("kling", properties("text2video", "mode=pro&waitForCompletion=true"));
            EndpointValidationResult bad = catalog.validateProperties("kling", properties("text2video", "operation=explode"));
            assertThat(good.isSuccess()).as(good.summaryErrorMessage(false)).isTrue();
            assertThat(bad.isSuccess()).isFalse();
            assertThat(bad.getInvalidEnum()).containsKey("operation");
        }
    }

    @Test
    void theComponentListOfTheJarNamesTheScheme() throws Exception {
        Properties list = new Properties();
        try (var in = KlingComponent.class.getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            assertThat(in).as("META-INF/services/org/apache/camel/component.properties").isNotNull();
            list.load(in);
        }
        assertThat(list.getProperty("components")).isEqualTo("kling");
        assertThat(list.getProperty("artifactId")).isEqualTo("camel-kling");
    }

    /** The URI's path and query as the catalog's properties (what a designer passes it). */
    private static java.util.Map<String, String> properties(String path, String query) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put(PATH_OPTION, path);
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            properties.put(nameAndValue[0], nameAndValue[1]);
        }
        return properties;
    }
}
