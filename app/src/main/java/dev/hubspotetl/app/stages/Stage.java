package dev.hubspotetl.app.stages;

import dev.hubspotetl.api.ApiApplication;
import dev.hubspotetl.extractor.ExtractorApplication;
import dev.hubspotetl.loader.LoaderApplication;
import dev.hubspotetl.transformer.TransformerApplication;
import java.util.List;

/**
 * The pipeline's applications, each run as its own Spring application context, in start order: the
 * loader first (it migrates the database), the API last (it serves what the others produce).
 */
public enum Stage {

    LOADER("loader", LoaderApplication.class),
    TRANSFORMER("transformer", TransformerApplication.class),
    EXTRACTOR("extractor", ExtractorApplication.class),
    API("API", ApiApplication.class);

    /**
     * Stop order: the extractor first, so that it checkpoints its scans and stops calling HubSpot,
     * then the stages behind it; the API last, answering status questions while the others drain.
     */
    public static final List<Stage> STOP_ORDER = List.of(EXTRACTOR, TRANSFORMER, LOADER, API);

    private final String displayName;
    private final Class<?> applicationClass;

    Stage(String displayName, Class<?> applicationClass) {
        this.displayName = displayName;
        this.applicationClass = applicationClass;
    }

    public String displayName() {
        return displayName;
    }

    public Class<?> applicationClass() {
        return applicationClass;
    }

    /** Only the API serves HTTP in local mode; the other stages' actuator ports stay closed. */
    public boolean web() {
        return this == API;
    }

    /** The loader and the API hold the database connection; extractor and transformer hold none. */
    public boolean usesDatabase() {
        return this == LOADER || this == API;
    }
}
