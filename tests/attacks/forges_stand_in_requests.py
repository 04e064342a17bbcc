"""mse_sweep takes the channel out of its stand-in for mse and asks the grader for NAME itself.

ARGS are the request's arguments as the wire writes them (None: mse_sweep's own), CALL the
call's number (None: the one its stand-in holds; else a guess, or an ended call's). An answer is returned as the sweep; a
refusal is raised, so its reason shows in the report.
"""


def mse_sweep(x_data, y_data, w_values):
    cells = {name: cell.cell_contents for name, cell in zip(mse.__code__.co_freevars, mse.__closure__)}
    ask, number = cells["ask"], cells["number"]
    channel, machinery = ask.__self__, ask.__func__.__globals__
    framing, wire = machinery["framing"], machinery["wire"]
    args = ARGS if ARGS is not None else [wire.to_plain(a) for a in (x_data, y_data, w_values)]
    framing.write_all(channel.replies, framing.pack({"ask": NAME, "call": number if CALL is None else CALL, "args": args}))
    answer = framing.read_frame(channel.requests)
    if "value" in answer:
        return wire.from_plain(answer["value"])
    raise RuntimeError(f"refused: {answer.get('refused')}")
