package dev.hubspotetl.api.config;

import dev.hubspotetl.api.web.JsonErrorReportValve;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link JsonErrorReportValve} in place of every other error report valve of the Tomcat host,
 * Boot's own included, so that even a request refused by Tomcat gets the API's JSON error body.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve() {
        return new JsonErrorValveCustomizer();
    }

    /** Runs after Boot's customizer, whose context customizer adds an HTML error valve to the host. */
    private static final class JsonErrorValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    JsonErrorReportValve valve = new JsonErrorReportValve();
                    valve.setShowReport(false);
                    valve.setShowServerInfo(false);
                    host.getPipeline().addValve(valve);
                    // The host adds a valve of this class at start only when the pipeline has none yet.
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
