package io.camelvideo.task.testing;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

import java.util.ArrayList;
import java.util.List;

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
}
