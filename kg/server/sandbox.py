"""A second wall behind the SERVICE check: query workers that may not open network connections.

When federation is off, each query worker installs a seccomp filter (Linux, x86-64 and arm64)
under which ``connect(2)``, ``sendto(2)`` with an address, ``sendmsg(2)`` and ``sendmmsg(2)``
fail with ``EPERM``. A worker needs none of them: it talks to the server over a pipe it inherited
and reads the store from disk. So even a SERVICE clause that the text check missed cannot reach
another host, or this one. Elsewhere :func:`forbid_network` does nothing and says so.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

# linux/audit.h, asm/unistd.h
_ARCHES = {"x86_64": (0xC000003E, {"connect": 42, "sendto": 44, "sendmsg": 46, "sendmmsg": 307}),
           "aarch64": (0xC00000B7, {"connect": 203, "sendto": 206, "sendmsg": 211, "sendmmsg": 269})}
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
# BPF opcodes: ld word abs, jeq k, ret k
_LD, _JEQ, _RET = 0x20, 0x15, 0x06


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def _program(arch: int, nr: dict[str, int]) -> bytes:
    deny = _RET_ERRNO | errno.EPERM
    # seccomp_data: nr at 0, arch at 4, args[i] at 16 + 8 i (low word first on little endian)
    p = [
        _insn(_LD, 0, 0, 4), _insn(_JEQ, 1, 0, arch), _insn(_RET, 0, 0, _RET_ALLOW),
        _insn(_LD, 0, 0, 0),
        _insn(_JEQ, 0, 1, nr["connect"]), _insn(_RET, 0, 0, deny),
        _insn(_JEQ, 0, 1, nr["sendmsg"]), _insn(_RET, 0, 0, deny),
        _insn(_JEQ, 0, 1, nr["sendmmsg"]), _insn(_RET, 0, 0, deny),
        _insn(_JEQ, 1, 0, nr["sendto"]), _insn(_RET, 0, 0, _RET_ALLOW),
        # sendto: allowed only without a destination address (args[4] == 0, both words)
        _insn(_LD, 0, 0, 16 + 8 * 4), _insn(_JEQ, 1, 0, 0), _insn(_RET, 0, 0, deny),
        _insn(_LD, 0, 0, 16 + 8 * 4 + 4), _insn(_JEQ, 1, 0, 0), _insn(_RET, 0, 0, deny),
        _insn(_RET, 0, 0, _RET_ALLOW),
    ]
    return b"".join(p)


def forbid_network() -> str | None:
    """Forbid new network connections in this process for good.

    :returns: None when installed, else why not (another OS or architecture, no seccomp).
    """
    arch = _ARCHES.get(platform.machine())
    if platform.system() != "Linux" or arch is None:
        return f"no seccomp filter for {platform.system()} {platform.machine()}"
    code = _program(*arch)
    n = len(code) // 8
    buf = ctypes.create_string_buffer(code, len(code))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = SockFprog(n, ctypes.cast(buf, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return f"prctl(NO_NEW_PRIVS) failed: {errno.errorcode.get(ctypes.get_errno(), '?')}"
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
        return f"seccomp filter refused: {errno.errorcode.get(ctypes.get_errno(), '?')}"
    return None
