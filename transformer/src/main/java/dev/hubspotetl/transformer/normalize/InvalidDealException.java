package dev.hubspotetl.transformer.normalize;

/** One result of a page cannot become a deal (no usable id); the other results are unaffected. */
public final class InvalidDealException extends Exception {

    InvalidDealException(String message) {
        super(message);
    }
}
