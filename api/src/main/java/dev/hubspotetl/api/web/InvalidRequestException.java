package dev.hubspotetl.api.web;

import java.util.List;

/** A request whose body or parameters break the contract; answered 400 with every bad field listed. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<ApiError.Detail> details;

    public InvalidRequestException(List<ApiError.Detail> details) {
        super(details.size() == 1 ? "The request has an invalid field: " + details.get(0).field()
                : "The request has " + details.size() + " invalid fields");
        this.details = List.copyOf(details);
    }

    public List<ApiError.Detail> details() {
        return details;
    }
}
