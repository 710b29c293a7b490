// feed.xml: the edition's latest changes as an Atom feed (RFC 4287). The public feed names
// public pages only, with date, title and kind of change; the internal one adds each commit's
// subject and author.
#pragma once

#include <string>

#include "site/site.h"

namespace hb {

std::string feed_xml(const Site& site);

}  // namespace hb
