#ifndef CYAML_SHIM_H
#define CYAML_SHIM_H
// The system libyaml (Debian: libyaml-dev, pkg-config: yaml-0.1).
#include <yaml.h>
#endif
