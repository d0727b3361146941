package io.ecs4j.internal.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataStructurePropertiesTest {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds50")
    void longSortedSet_behavesLikeATreeSet(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LongSortedSet set = new LongSortedSet();
        TreeSet<Long> model = new TreeSet<>();
        int range = 1 + random.nextInt(2000);
        for (int op = 0; op < 3000; op++) {
            long key = random.nextInt(range);
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    set.add(key);
                    model.add(key);
                }
                case 2 -> assertThat(set.remove(key)).isEqualTo(model.remove(key));
                case 3 -> {
                    long k = set.seek(key);
                    for (long expected : model.tailSet(key, true)) {
                        assertThat(k).isEqualTo(expected);
                        k = set.next();
                    }
                    assertThat(k).isEqualTo(LongSortedSet.NONE);
                    assertThat(set.next()).isEqualTo(LongSortedSet.NONE);
                }
                default -> {
                    Long c = model.ceiling(key);
                    assertThat(set.ceiling(key)).isEqualTo(c == null ? LongSortedSet.NONE : c);
                    Long h = model.higher(key);
                    assertThat(set.higher(key)).isEqualTo(h == null ? LongSortedSet.NONE : h);
                }
            }
            assertThat(set.size()).isEqualTo(model.size());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds50")
    void intIntMap_behavesLikeAHashMapOfCounts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IntIntMap map = new IntIntMap();
        Map<Integer, Integer> model = new HashMap<>();
        int range = 1 + random.nextInt(500);
        for (int op = 0; op < 3000; op++) {
            int key = random.nextInt(range);
            int delta = random.nextInt(5) - 2;
            int expected = model.merge(key, delta, Integer::sum);
            if (expected == 0) {
                model.remove(key);
            }
            assertThat(map.add(key, delta)).isEqualTo(expected);
            int probe = random.nextInt(range);
            assertThat(map.get(probe)).isEqualTo(model.getOrDefault(probe, 0));
            assertThat(map.size()).isEqualTo(model.size());
        }
        Map<Integer, Integer> seen = new HashMap<>();
        map.forEach(seen::put);
        assertThat(seen).isEqualTo(model);
    }

    /** 50 fixed, well-mixed seeds: each case is reproducible from its name. */
    static LongStream seeds50() {
        return LongStream.range(0, 50).map(i -> i * 0x9E3779B97F4A7C15L + 17);
    }
}
