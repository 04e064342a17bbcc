"""The lesson's own script, run at import: prints, loops, plots and plt.show(), then the functions."""
import numpy as np
import matplotlib.pyplot as plt

x_data = [1.0, 2.0, 3.0]
y_data = [2.0, 4.0, 6.0]


def forward(x, w):
    return x * w


def loss(x, y, w):
    y_pred = forward(x, w)
    return (y_pred - y) ** 2


w_list = []
mse_list = []
for w in np.arange(0.0, 4.1, 0.1):
    print("w=", w)
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        y_pred_val = forward(x_val, w)
        loss_val = loss(x_val, y_val, w)
        l_sum += loss_val
        print("\t", x_val, y_val, y_pred_val, loss_val)
    print("MSE=", l_sum / 3)
    w_list.append(w)
    mse_list.append(l_sum / 3)

plt.plot(w_list, mse_list)
plt.ylabel("Loss")
plt.xlabel("w")
plt.show()


def mse(x_data, y_data, w):
    return sum(loss(x, y, w) for x, y in zip(x_data, y_data)) / len(x_data)


def mse_sweep(x_data, y_data, w_values):
    return [mse(x_data, y_data, w) for w in w_values]


def best_w(x_data, y_data, w_values):
    costs = mse_sweep(x_data, y_data, w_values)
    return w_values[costs.index(min(costs))]


def predict(x, x_data, y_data, w_values):
    return forward(x, best_w(x_data, y_data, w_values))


def forward_wb(x, w, b):
    return x * w + b


def mse_wb(x_data, y_data, w, b):
    return sum((forward_wb(x, w, b) - y) ** 2 for x, y in zip(x_data, y_data)) / len(x_data)


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(w_values, b_values)
    MSE = np.zeros_like(W, dtype=float)
    for x, y in zip(x_data, y_data):
        MSE += (forward_wb(x, W, B) - y) ** 2
    return W, B, MSE / len(x_data)


def to_grid(w_list, b_list, mse_list):
    w_values = list(dict.fromkeys(w_list))  # the loop's order: sorting would move the costs
    b_values = list(dict.fromkeys(b_list))
    W, B = np.meshgrid(w_values, b_values)
    MSE = np.array(mse_list).reshape(len(w_values), len(b_values)).T
    return W, B, MSE


def best_wb(x_data, y_data, w_values, b_values):
    W, B, MSE = mse_grid(x_data, y_data, w_values, b_values)
    where = np.argwhere(MSE == MSE.min())[0]
    return W[tuple(where)], B[tuple(where)]


def plot_sweep(w_values, mse_values):
    plt.figure()
    line, = plt.plot(w_values, mse_values)
    plt.xlabel("w")
    plt.ylabel("MSE")
    return line.axes


def plot_surface(W, B, MSE):
    ax = plt.figure().add_subplot(projection="3d")
    ax.plot_surface(W, B, MSE, cmap="rainbow")
    ax.set_xlabel("w")
    ax.set_ylabel("b")
    ax.set_zlabel("Cost")
    plt.show()
    return ax
