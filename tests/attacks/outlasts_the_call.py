"""Stand-ins that would outlast the call: mse_sweep asks for mse for ever (refusals caught), and best_wb
asks for mse_grid on a grid that costs the reference seconds (within the size limit)."""


def mse_sweep(x_data, y_data, w_values):
    while True:
        try:
            mse(x_data, y_data, w_values[0])
        except Exception:
            pass


def best_wb(x_data, y_data, w_values, b_values):
    grid = [k / 10 for k in range(GRID)]
    mse_grid([1.0] * SAMPLES, [2.0] * SAMPLES, grid, grid)
    return 0.0, 0.0
