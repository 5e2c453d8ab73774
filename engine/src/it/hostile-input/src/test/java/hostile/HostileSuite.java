package hostile;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

@Suite
@IncludeEngines("uapispec")
@SelectPackages("hostile")
class HostileSuite {
}
