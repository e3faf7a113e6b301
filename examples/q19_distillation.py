"""Q19: knowledge distillation (Hinton et al., 2015): a small student learns from a big teacher."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.datasets import make_classification


def mlp(d_in: int, hidden: int, depth: int, n_classes: int) -> nn.Sequential:
    layers, d = [], d_in
    for _ in range(depth):
        layers += [nn.Linear(d, hidden), nn.ReLU()]
        d = hidden
    return nn.Sequential(*layers, nn.Linear(d, n_classes))


def n_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def kd_loss(z_s, z_t, y, T: float, alpha: float) -> torch.Tensor:
    """alpha * T^2 * KL(softmax(z_t/T) || softmax(z_s/T)) + (1 - alpha) * CE(y, softmax(z_s))."""
    soft = F.kl_div(F.log_softmax(z_s / T, dim=-1), F.log_softmax(z_t / T, dim=-1),
                    reduction="batchmean", log_target=True)  # input: log-probs of the student
    return alpha * T * T * soft + (1 - alpha) * F.cross_entropy(z_s, y)


def kl_teacher_student(z_s, z_t, T: float) -> float:
    p_t, log_p_s = F.softmax(z_t / T, dim=-1), F.log_softmax(z_s / T, dim=-1)
    return (p_t * (p_t.log() - log_p_s)).sum(-1).mean().item()  # KL by hand, mean over batch


def train(model, x, y, epochs: int, teacher=None, T: float = 4.0, alpha: float = 0.9, lr=1e-2):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    z_t = teacher(x).detach() if teacher is not None else None
    for _ in range(epochs):  # full-batch training: the data set is small
        opt.zero_grad()
        z_s = model(x)
        loss = kd_loss(z_s, z_t, y, T, alpha) if teacher is not None else F.cross_entropy(z_s, y)
        loss.backward()
        opt.step()
    return model


def accuracy(model, x, y) -> float:
    with torch.no_grad():
        return (model(x).argmax(-1) == y).float().mean().item()


def agreement(a, b, x) -> float:
    with torch.no_grad():
        return (a(x).argmax(-1) == b(x).argmax(-1)).float().mean().item()


def main() -> dict:
    torch.manual_seed(0)
    torch.set_num_threads(1)  # tiny tensors: one thread is faster and reproducible
    x, y = make_classification(n_samples=2000, n_features=20, n_informative=10, n_classes=6,
                               n_clusters_per_class=2, class_sep=2.0, random_state=0)
    x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
    x_tr, y_tr, x_te, y_te = x[:1000], y[:1000], x[1000:], y[1000:]
    T = 4.0

    teacher = train(mlp(20, 128, 2, 6), x_tr, y_tr, epochs=200, lr=3e-3).eval()
    torch.manual_seed(1)
    student_hard = train(mlp(20, 16, 1, 6), x_tr, y_tr, epochs=300)
    torch.manual_seed(1)
    student_kd = mlp(20, 16, 1, 6)  # same initialisation as student_hard
    with torch.no_grad():
        kl_before = kl_teacher_student(student_kd(x_te), teacher(x_te), T)
    train(student_kd, x_tr, y_tr, epochs=300, teacher=teacher, T=T)

    print(f"teacher: {n_params(teacher):,} params, test accuracy "
          f"{accuracy(teacher, x_te, y_te):.4f}")
    print(f"student: {n_params(student_kd):,} params "
          f"({n_params(student_kd) / n_params(teacher):.1%} of the teacher)")
    res = {}
    for name, student in (("hard labels only", student_hard), (f"distilled, T={T:g}", student_kd)):
        with torch.no_grad():
            kl = kl_teacher_student(student(x_te), teacher(x_te), T)
        res[name] = (accuracy(student, x_te, y_te), kl, agreement(student, teacher, x_te))
        print(f"student, {name}: test acc {res[name][0]:.4f}, KL(teacher||student) {kl:.4f}, "
              f"agrees with teacher {res[name][2]:.4f}")
    kl_after = res[f"distilled, T={T:g}"][1]
    print(f"during distillation: KL(teacher||student) {kl_before:.4f} -> {kl_after:.4f}")

    # F.kl_div(log q, log p, 'batchmean', log_target=True) is the textbook KL(p || q).
    zs, zt = torch.randn(5, 8), torch.randn(5, 8)
    kl_torch = F.kl_div(F.log_softmax(zs, -1), F.log_softmax(zt, -1), reduction="batchmean",
                        log_target=True).item()
    print(f"F.kl_div batchmean {kl_torch:.4f} | manual KL {kl_teacher_student(zs, zt, 1.0):.4f}")

    # Soft-target gradients shrink like 1/T^2; the T^2 factor keeps their scale.
    z_t = torch.randn(64, 8)
    z_t -= z_t.mean(-1, keepdim=True)
    z_s = (torch.randn(64, 8) * 0.5).requires_grad_()
    grads = []
    for temp in (1.0, 2.0, 4.0, 8.0):
        soft = F.kl_div(F.log_softmax(z_s / temp, -1), F.log_softmax(z_t / temp, -1),
                        reduction="batchmean", log_target=True)
        (g,) = torch.autograd.grad(soft, z_s)
        grads.append(g.norm().item())
    print("grad norm at T=1,2,4,8: " + " ".join(f"{g:.4f}" for g in grads)
          + " | x T^2: " + " ".join(f"{g * t * t:.4f}" for g, t in zip(grads, (1, 2, 4, 8))))

    return {"acc_teacher": accuracy(teacher, x_te, y_te), "hard": res["hard labels only"],
            "kd": res[f"distilled, T={T:g}"], "params_teacher": n_params(teacher),
            "params_student": n_params(student_kd), "kl_before": kl_before, "kl_torch": kl_torch,
            "kl_manual": kl_teacher_student(zs, zt, 1.0), "grads": grads}


if __name__ == "__main__":
    main()
