package org.instantfeedback.alerting.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectHierarchyTest {

    @Test
    void reads_each_subjects_groups_most_specific_first() {
        SubjectHierarchy hierarchy = SubjectHierarchy.parse("hierarchy.txt", """
                # routes of the northern depot
                route-42 = depot-north, region-east, brand-citybus
                route-7  = depot-north, region-east   # no brand yet

                branch-berlin-1 = region-east, brand-shop
                """);

        assertThat(hierarchy.groupsOf("route-42")).containsExactly("depot-north", "region-east", "brand-citybus");
        assertThat(hierarchy.groupsOf("route-7")).containsExactly("depot-north", "region-east");
        assertThat(hierarchy.subjectsIn("region-east")).containsExactly("route-42", "route-7", "branch-berlin-1");
        assertThat(hierarchy.groups()).contains("depot-north", "brand-shop");
    }

    @Test
    void a_subject_missing_from_the_file_belongs_to_no_group() {
        SubjectHierarchy hierarchy = SubjectHierarchy.parse("hierarchy.txt", "route-42 = depot-north\n");

        assertThat(hierarchy.groupsOf("route-99")).isEmpty();
        assertThat(hierarchy.subjectsIn("depot-south")).isEmpty();
    }

    @Test
    void names_the_line_without_an_equals_sign() {
        assertThatThrownBy(() -> SubjectHierarchy.parse("hierarchy.txt", """
                # header
                route-42 = depot-north
                route-7 depot-north
                """))
                .isInstanceOf(HierarchyFileException.class)
                .hasMessage("hierarchy.txt line 3: expected 'subject = group, group, ...', found no '=' in "
                        + "'route-7 depot-north'");
    }

    @Test
    void names_the_line_listing_a_subject_a_second_time() {
        assertThatThrownBy(() -> SubjectHierarchy.parse("hierarchy.txt", """
                route-42 = depot-north
                route-7 = depot-north
                route-42 = depot-south
                """))
                .hasMessage("hierarchy.txt line 3: subject 'route-42' is already listed on line 1");
    }

    @Test
    void names_the_line_with_an_empty_group() {
        assertThatThrownBy(() -> SubjectHierarchy.parse("h.txt", "route-42 = depot-north, , brand-citybus"))
                .hasMessage("h.txt line 1: a group of 'route-42' is missing");
    }

    @Test
    void names_the_line_of_a_subject_without_groups() {
        assertThatThrownBy(() -> SubjectHierarchy.parse("h.txt", "\n\nroute-42 =   # nothing"))
                .hasMessage("h.txt line 3: subject 'route-42' lists no groups (leave a subject without groups out)");
    }

    @Test
    void names_the_line_with_a_name_containing_spaces() {
        assertThatThrownBy(() -> SubjectHierarchy.parse("h.txt", "route 42 = depot-north"))
                .isInstanceOfSatisfying(HierarchyFileException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("'route 42' must be one name without spaces");
    }

    @Test
    void names_the_line_repeating_a_group_or_naming_the_subject_as_its_group() {
        assertThatThrownBy(() -> SubjectHierarchy.parse("h.txt", "route-42 = depot-north, depot-north"))
                .hasMessage("h.txt line 1: group 'depot-north' is listed twice for 'route-42'");
        assertThatThrownBy(() -> SubjectHierarchy.parse("h.txt", "route-42 = route-42"))
                .hasMessage("h.txt line 1: subject 'route-42' cannot be a group of itself");
    }
}
