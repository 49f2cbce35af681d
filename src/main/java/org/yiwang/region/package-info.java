/**
 * Administrative divisions (行政区划, GB/T 2260 and the statistics edition down to township level) as a region tree,
 * and the node profile: which region this node serves and at what level (国家总枢纽 or 省级节点).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.region;
