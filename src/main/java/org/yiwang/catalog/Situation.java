package org.yiwang.catalog;

import java.util.List;

/**
 * A situation (情形) that changes the material list: a question with answers; each answer adds or removes
 * materials by their {@link Material#key()}.
 */
public record Situation(String key, String question, List<Answer> answers) {

    public record Answer(String key, String label, List<String> addsMaterials, List<String> removesMaterials) {
    }
}
