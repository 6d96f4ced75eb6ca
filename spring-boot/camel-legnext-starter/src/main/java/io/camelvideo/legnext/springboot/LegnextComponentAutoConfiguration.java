package io.camelvideo.legnext.springboot;

import io.camelvideo.legnext.LegnextComponent;
import io.camelvideo.springboot.ComponentPropertiesCustomizer;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration of the {@code legnext:} component: every {@code camel.component.legnext.*}
 * property sets the option of that name (IDE completion from the starter's configuration metadata);
 * {@code camel.component.legnext.enabled=false} turns it off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "camel.component.legnext", name = "enabled", matchIfMissing = true)
public class LegnextComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer configureLegnextComponent(Environment environment) {
        return new ComponentPropertiesCustomizer("legnext", LegnextComponent.class, environment);
    }
}
