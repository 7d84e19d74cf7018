package dev.bulwark.policy.model;

import dev.bulwark.policy.document.InvalidFieldException;


/** A policy's name and description, for people and reports. */
public record Metadata(String name, String description) {

    public Metadata {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "metadata.name is missing: give the policy a name, such as production-strict");
        }
    }
}
