package io.orderbook.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns a Jackson failure to read a request body into the 400 problem a client can act on. */
final class JsonInputProblems {

    private static final String ROOT = "body";

    private JsonInputProblems() {
    }

    static ApiProblem toProblem(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return ApiProblem.of(ErrorCode.MALFORMED_JSON, "The JSON body exceeds the parser's limits (nesting depth, number or string length).");
        }
        if (e instanceof StreamReadException) {
            return ApiProblem.of(ErrorCode.MALFORMED_JSON, "The body is not valid JSON" + at(e.getLocation()) + ".");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && mismatch.getMessage() != null && mismatch.getMessage().startsWith("No content")) {
            return ApiProblem.of(ErrorCode.MALFORMED_JSON, "A JSON body is required.");
        }
        if (e instanceof DatabindException databind) {
            return ApiProblem.validation(field(databind), message(databind));
        }
        return ApiProblem.of(ErrorCode.MALFORMED_JSON, "The body is not valid JSON.");
    }

    private static String message(DatabindException e) {
        if (e instanceof PropertyBindingException) return "is not a known property";
        if (e instanceof InvalidNullException || isNullForPrimitive(e)) return "is required and must not be null";
        if (e instanceof ValueInstantiationException instantiation) {
            // Records may validate in their constructor; IllegalArgumentException messages are written for clients.
            Throwable cause = instantiation.getCause();
            return cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage() : "is not a valid value";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "is not a valid value";
    }

    // Jackson reports a missing or null primitive as a plain mismatch; its message is the only tell.
    private static boolean isNullForPrimitive(DatabindException e) {
        return e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Cannot map `null` into type");
    }

    private static String field(DatabindException e) {
        List<JsonMappingException.Reference> path = e instanceof JsonMappingException m ? m.getPath() : List.of();
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (e instanceof PropertyBindingException unknown && unknown.getPropertyName() != null && !endsWith(out, unknown.getPropertyName())) {
            if (!out.isEmpty()) out.append('.');
            out.append(unknown.getPropertyName());
        }
        return out.isEmpty() ? ROOT : out.toString();
    }

    private static boolean endsWith(StringBuilder path, String name) {
        return path.toString().equals(name) || path.toString().endsWith("." + name);
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == String.class || type == char.class || type == Character.class) return "a string";
        if (type.isEnum()) return "one of " + Arrays.toString(type.getEnumConstants());
        if (Temporal.class.isAssignableFrom(type)) return "an ISO-8601 date-time such as 2026-01-31T12:00:00Z";
        if (type == java.time.Duration.class) return "an ISO-8601 duration such as PT30S";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (Map.class.isAssignableFrom(type)) return "an object";
        return "an object";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) return "";
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
