package org.uapispec.device.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uapispec.api.ProfileName;

/** The reference device models exactly the profiles a spec may name, in the api's order. */
class ProfileNamesTest {

    @Test
    void everyNameASpecMayUseHasItsModelAndNoModelIsNameless() {
        assertThat(Profiles.names()).containsExactlyElementsOf(ProfileName.texts());
        for (ProfileName name : ProfileName.values()) {
            assertThat(Profiles.byName(name.text())).as(name.text()).isPresent();
        }
    }
}
