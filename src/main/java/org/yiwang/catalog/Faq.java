package org.yiwang.catalog;

/** A frequently asked question of an item's guide (常见问题). */
public record Faq(String question, String answer) {
}
