"""to_grid sends the stubs' secrets out: TCP and UDP on loopback, and an abstract Unix socket."""
import socket


def to_grid(w_list, b_list, mse_list):
    attempts = []
    for family, kind, address in ((socket.AF_INET, socket.SOCK_STREAM, ("127.0.0.1", PORT)),
                                  (socket.AF_INET, socket.SOCK_DGRAM, ("127.0.0.1", UDP_PORT)),
                                  (socket.AF_UNIX, socket.SOCK_STREAM, "\0" + SOCKET_NAME)):
        try:
            with socket.socket(family, kind) as s:
                s.settimeout(1.0)
                if kind == socket.SOCK_DGRAM:
                    s.sendto(b"stolen", address)
                else:
                    s.connect(address)
                    s.sendall(b"stolen")
                attempts.append("sent")
        except OSError as e:
            attempts.append(type(e).__name__)
    raise ValueError(f"network: {attempts}")
