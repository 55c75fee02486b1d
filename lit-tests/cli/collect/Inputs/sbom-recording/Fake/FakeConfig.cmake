add_library(Fake::fake UNKNOWN IMPORTED)
set_target_properties(Fake::fake PROPERTIES
  IMPORTED_LOCATION "/opt/exitbar-fake/lib/libfake.so.1")
