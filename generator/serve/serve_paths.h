// Serve paths: which file of the edition a request asks for, and its content type. Only a file
// of the built edition is ever served: a path that tries to climb out (`..`, also encoded as
// `%2e%2e`), names a folder by an absolute path or holds a backslash or a NUL is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hb {

struct RequestedFile {
  std::string rel;      // relative to the edition's root; "" when refused
  std::string refusal;  // why it was refused
};

// `path` is the request's path, already decoded once (as cpp-httplib gives it); `target` the
// request line's target as sent. `/` and `/dir/` ask for the folder's index.html.
RequestedFile requested_file(std::string_view path, std::string_view target);

// Whether a request's Host header names this machine: localhost, an address 127.x.x.x or ::1,
// with or without a port. A server on a loopback address answers no other, so that a web page
// whose name is made to lead to 127.0.0.1 (DNS rebinding) cannot read the editions.
bool loopback_host(std::string_view host);

// The content type of a file by its extension.
std::string content_type(std::string_view rel);

}  // namespace hb
