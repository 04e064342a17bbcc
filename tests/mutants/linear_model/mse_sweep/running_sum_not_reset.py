"""mse_sweep keeps one running sum for every w (l_sum = 0 outside the loop)."""


def mse_sweep(x_data, y_data, w_values):
    costs = []
    l_sum = 0
    for w in w_values:
        for x_val, y_val in zip(x_data, y_data):
            l_sum += loss(x_val, y_val, w)
        costs.append(l_sum / len(x_data))
    return costs
