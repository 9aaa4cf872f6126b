# The empty policy: the same opa-eval call on the same input with no rule, so compare.py can
# subtract what every call pays (Python call, input JSON parsed into regorus values, set_input,
# result serialised) from the four rules of rules.rego.
package baseline

import rego.v1

findings := set()
